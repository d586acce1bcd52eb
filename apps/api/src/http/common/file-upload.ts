import { RouteConfig } from '@nestjs/platform-fastify';
import { DomainError } from '@cqo/core';

/** The largest JSON body the API reads (Fastify's bodyLimit); files travel in it as base64. */
export const JSON_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * The bound for a base64 file field in a DTO: whatever fits in the body. The file's own size
 * limit is checked once, in its service, on the decoded bytes, and names the file field; a
 * tighter MaxLength here would refuse the same file under another name (`contentBase64`).
 */
export const BASE64_FILE_MAX_LENGTH = JSON_BODY_LIMIT;

/** What a route that receives one file tells the error filter: the field to name and the file's limit. */
export interface FileUploadRoute {
  field: string;
  maxBytes: number;
}

/**
 * Marks a route whose JSON body carries one file: a body over {@link JSON_BODY_LIMIT} (refused by
 * Fastify before the route runs) is then a 400 naming `field`, like any other file over its limit.
 */
export const FileUpload = (field: string, maxBytes: number) => RouteConfig({ fileUpload: { field, maxBytes } satisfies FileUploadRoute });

/** The route's file-upload marking, from the request Fastify matched (undefined elsewhere). */
export function fileUploadRouteOf(request: unknown): FileUploadRoute | undefined {
  const config = (request as { routeOptions?: { config?: { fileUpload?: FileUploadRoute } } } | undefined)?.routeOptions?.config;
  return config?.fileUpload;
}

/** The refusal of a file over its limit, as every upload service words it. */
export function fileTooLarge(route: FileUploadRoute): DomainError {
  const message = `文件不能超过${route.maxBytes / 1024 / 1024}MB`;
  return DomainError.invalid('FILE_TOO_LARGE', message, [{ field: route.field, message }]);
}
