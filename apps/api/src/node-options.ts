/**
 * Node options every API process runs with (npm start, `npm run start:api`, the Docker image and
 * docker-compose, and bench:content, which hosts the API in its own process).
 *
 * `--max-old-space-size=1024`: below V8's 2 GiB threshold, V8 grows the old generation by at most
 * 1.3–2× the live heap after each full collection (1.6× at 1 GiB) instead of up to 4×. The API's
 * live heap is about 70 MiB; at 1,000+ media range requests a second, the short-lived request
 * objects that survive a young collection let the old generation reach about 260 MiB before the
 * next full collection with the default limit (API RSS above 400 MiB), against about 120 MiB with
 * this one. 1 GiB is far above what any route needs (exports stream; the largest import stays
 * under 256 MiB).
 */
export const API_NODE_OPTIONS: readonly string[] = ['--max-old-space-size=1024'];
