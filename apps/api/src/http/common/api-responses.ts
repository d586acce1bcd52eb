import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

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
