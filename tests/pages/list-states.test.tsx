import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PagedListView } from '../../src/components/paged-list';
import { usePagedList, type PageResult } from '../../src/hooks/use-paged-list';
import { ServiceError } from '../../src/services/errors';
import { deferred } from './fake-backend';

type Item = { id: string; name: string };
type Fetch = (filter: string, page: number) => Promise<PageResult<Item>>;

/** A page-like host: one filter switch and a list, like search tabs or department chips. */
function Host({ fetch }: { fetch: Fetch }) {
  const [filter, setFilter] = useState('a');
  const fetchPage = useCallback((page: number) => fetch(filter, page), [fetch, filter]);
  const list = usePagedList(fetchPage);
  return (
    <View>
      <Text onClick={() => setFilter('b')}>切换</Text>
      <Text onClick={list.loadMore}>更多</Text>
      <PagedListView
        list={list}
        keyOf={(i) => i.id}
        renderItem={(i) => <Text>{i.name}</Text>}
        emptyText="这里什么也没有"
      />
    </View>
  );
}

const items = (...names: string[]) => names.map((name) => ({ id: name, name }));

describe('list states', () => {
  test('skeleton while the first page loads, then the items', async () => {
    const first = deferred<PageResult<Item>>();
    const { container } = render(<Host fetch={() => first.promise} />);
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    await act(async () => first.resolve({ items: items('一号'), hasMore: false }));
    expect(screen.getByText('一号')).toBeTruthy();
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('an empty first page shows the empty state', async () => {
    render(<Host fetch={async () => ({ items: [], hasMore: false })} />);
    expect(await screen.findByText('这里什么也没有')).toBeTruthy();
  });

  test('a failed first page shows the error; 重试 fetches it again', async () => {
    const fetch = jest
      .fn<Promise<PageResult<Item>>, [string, number]>()
      .mockRejectedValueOnce(new ServiceError('INTERNAL', '网络异常，请检查网络后重试'))
      .mockResolvedValueOnce({ items: items('恢复了'), hasMore: false });
    render(<Host fetch={fetch} />);
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('恢复了')).toBeTruthy();
    expect(fetch.mock.calls).toEqual([
      ['a', 1],
      ['a', 1],
    ]);
  });

  test('a failed later page keeps what is shown and can be retried', async () => {
    const fetch = jest
      .fn<Promise<PageResult<Item>>, [string, number]>()
      .mockResolvedValueOnce({ items: items('第一条'), hasMore: true })
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValueOnce({ items: items('第二条'), hasMore: false });
    render(<Host fetch={fetch} />);
    expect(await screen.findByText('第一条')).toBeTruthy();
    fireEvent.click(screen.getByText('更多'));
    fireEvent.click(await screen.findByText('加载失败，点击重试'));
    expect(await screen.findByText('第二条')).toBeTruthy();
    expect(screen.getByText('第一条')).toBeTruthy();
    expect(fetch.mock.calls.map((c) => c[1])).toEqual([1, 2, 2]);
  });

  test('loading more twice at once asks for the next page only once', async () => {
    const second = deferred<PageResult<Item>>();
    const fetch = jest
      .fn<Promise<PageResult<Item>>, [string, number]>()
      .mockResolvedValueOnce({ items: items('第一条'), hasMore: true })
      .mockReturnValueOnce(second.promise);
    render(<Host fetch={fetch} />);
    expect(await screen.findByText('第一条')).toBeTruthy();
    fireEvent.click(screen.getByText('更多'));
    fireEvent.click(screen.getByText('更多'));
    expect(screen.getByText('加载中…')).toBeTruthy();
    await act(async () => second.resolve({ items: items('第二条'), hasMore: false }));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('a slow answer for an old filter never replaces the new one', async () => {
    const old = deferred<PageResult<Item>>();
    const fetch: Fetch = (filter) =>
      filter === 'a' ? old.promise : Promise.resolve({ items: items('新筛选'), hasMore: false });
    render(<Host fetch={fetch} />);
    fireEvent.click(screen.getByText('切换'));
    expect(await screen.findByText('新筛选')).toBeTruthy();
    await act(async () => old.resolve({ items: items('旧筛选'), hasMore: false }));
    await waitFor(() => expect(screen.getByText('新筛选')).toBeTruthy());
    expect(screen.queryByText('旧筛选')).toBeNull();
  });
});
