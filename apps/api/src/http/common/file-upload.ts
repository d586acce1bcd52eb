import { RouteConfig } from '@nestjs/platform-fastify';
import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';
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

/**
 * Standard base64 (A–Z a–z 0–9 + /, padded with at most two `=` at the end), checked in one pass.
 * class-validator's `IsBase64` runs validator.js's regex, which in a long-running process can
 * overflow V8's regexp stack on a body-sized string (a 500 for a 4 MB upload); this never does.
 */
export function isBase64Text(value: unknown): boolean {
  if (typeof value !== 'string' || value.length % 4 !== 0) return false;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) continue;
    // '=' only as the last character, or the last two.
    if (c === 61 && (i === n - 1 || (i === n - 2 && value.charCodeAt(n - 1) === 61))) continue;
    return false;
  }
  return true;
}

/** A base64 file field (the constraint keeps class-validator's name, `isBase64`). */
export const IsBase64File = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isBase64', validator: { validate: isBase64Text, defaultMessage: () => '必须是 Base64 编码的文件内容' } }, options);
