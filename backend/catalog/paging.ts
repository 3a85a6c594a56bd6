import { DEFAULT_PAGE_SIZE, type Page } from '../../contract/common';

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

export function pageWindow(input: { page?: number; pageSize?: number }): PageWindow {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], window: PageWindow, total: number): Page<T> {
  return {
    items,
    page: window.page,
    pageSize: window.pageSize,
    total,
    hasMore: window.skip + items.length < total,
  };
}
