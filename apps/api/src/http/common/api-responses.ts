import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { ApiResponseOptions } from '@nestjs/swagger';
import { ApiExtension, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body';

/** Metadata key of {@link ApiFileResponse}: the content types a file route answers. */
export const FILE_RESPONSE_KEY = 'cqo:file-response';

/**
 * A route that answers a file rather than JSON: declares its content types as the 200 response,
 * so the OpenAPI document (and the client generated from it) knows the body is binary. Not
 * @ApiProduces, which would also relabel the JSON error body as the file's type. The types are
 * also kept as route metadata, so the route walks (e.g. the export audit test) find file routes.
 */
export function ApiFileResponse(...contentTypes: string[]) {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return applyDecorators(
    SetMetadata(FILE_RESPONSE_KEY, contentTypes),
    ApiOkResponse({ description: 'The file', content: Object.fromEntries(contentTypes.map((type) => [type, binary])) }),
  );
}

/** Extension key of {@link ApiEmptyResponse} in the OpenAPI document: this success has no body. */
export const NO_BODY_EXTENSION = 'x-no-body';

/**
 * A success that answers without a body, for a status other than 204 (use `@ApiNoContentResponse()`
 * for 204): 202 for work accepted, or a protocol's own answer (tus: 201 with Location). Marked in
 * the document so the contract spec tells it from a route that forgot to declare its response.
 */
export function ApiEmptyResponse(status: number, description: string, headers?: Record<string, { description: string }>) {
  return ApiResponse({
    status,
    description,
    ...(headers
      ? { headers: Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, { ...h, schema: { type: 'string' } }])) }
      : {}),
    [NO_BODY_EXTENSION]: true,
  } as ApiResponseOptions);
}

/** What each error status means here; every one answers with the one error body. */
const ERROR_STATUSES = {
  400: '输入有误：details 逐项指明字段',
  401: '凭证无效或已吊销（xAPI 密钥、cmi5 授权）',
  403: '角色或范围不允许',
  404: '路径所指的记录不存在',
  409: '与记录的当前状态冲突（code 说明原因）',
  413: '上传的内容过大',
  429: '请求过于频繁，请稍后再试',
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

/**
 * The error statuses a route answers besides 401/403 (declared by @Access; a public route that
 * checks its own credentials, as xAPI does, declares 401 here) and 500: 400 for bad
 * input (a body, query or malformed id), 404 for a path naming nothing, 409 for a state that does
 * not allow the action, 429 when throttled. Each is the one error body; the contract spec checks
 * that a route with a path parameter declares 404 and one with a body or query declares 400.
 */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_STATUSES[status], type: ErrorBodyDto })));
}

/** Extension key of {@link ApiCredentialPath} in the OpenAPI document. */
export const CREDENTIAL_PATH_EXTENSION = 'x-credential-path';

/**
 * A route whose path carries a credential (a one-time token or a session's token) rather than the
 * name of a record: an unknown or spent one is refused (400 or 403) rather than answered with 404,
 * so the path reveals nothing. The contract spec then accepts that refusal in place of the 404 it
 * asks of a route with a path parameter.
 */
export function ApiCredentialPath() {
  return ApiExtension(CREDENTIAL_PATH_EXTENSION, true);
}
