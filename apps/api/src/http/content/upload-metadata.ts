/**
 * The tus `Upload-Metadata` header: comma-separated `key base64value` pairs (value optional).
 * Parsed here so the API can check and rewrite it before the tus server stores it.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key || !/^[A-Za-z0-9._-]{1,64}$/.test(key)) continue;
    out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}

export function formatUploadMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}
