import { ApiOkResponse } from '@nestjs/swagger';

/**
 * A route that answers a file rather than JSON: declares its content types as the 200 response,
 * so the OpenAPI document (and the client generated from it) knows the body is binary. Not
 * @ApiProduces, which would also relabel the JSON error body as the file's type.
 */
export function ApiFileResponse(...contentTypes: string[]) {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return ApiOkResponse({ description: 'The file', content: Object.fromEntries(contentTypes.map((type) => [type, binary])) });
}
