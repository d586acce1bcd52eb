/** A page request after validation: 1-based page, bounded size. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, req: PageRequest): Page<T> {
  return { items, total, page: req.page, pageSize: req.pageSize };
}

export function offsetOf(req: PageRequest): number {
  return (req.page - 1) * req.pageSize;
}
