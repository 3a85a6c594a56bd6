import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import SearchPage from '../../src/pages/search';
import { installBackend } from './fake-backend';
import { doctor, hospital, page } from './fixtures';
import { fire } from './taro-fake';

/** Types into Taro's H5 <Input>, whose inner <input> appears once the web component renders. */
async function type(container: HTMLElement, value: string) {
  const input = await waitFor(() => {
    const el = container.querySelector('input');
    if (!el) throw new Error('search input not rendered');
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const hits = {
  hospital: { kind: 'hospital' as const, hospital: hospital({ id: 'h9', name: '瑞金医院' }) },
  doctor: { kind: 'doctor' as const, doctor: doctor({ id: 'd9', name: '瑞金的李医生' }) },
};

describe('search', () => {
  test('nothing is searched before the user types', async () => {
    const backend = installBackend({ search: () => page([]) });
    const { container } = render(<SearchPage />);
    expect(screen.getByText('可输入医院简称（如 六院）、科室、医生姓名、拼音或症状')).toBeTruthy();
    // The positive signal: typing does search (after the same pause an empty box had, so an
    // empty-box search would already be there); the typed one must be the only search, and
    // the only other call is the suggestions for the same text.
    await type(container, '瑞金');
    await waitFor(() => expect(backend.callsOf('search')).not.toEqual([]));
    expect(backend.callsOf('search')).toEqual([{ q: '瑞金', kind: 'all', page: 1, pageSize: 20 }]);
    expect(backend.calls.filter((c) => c.action !== 'suggest')).toHaveLength(1);
    expect(backend.callsOf('suggest')).toEqual([{ q: '瑞金', limit: 5 }]);
  });

  test('each tab asks for its kind and shows what comes back', async () => {
    const backend = installBackend({
      search: (input) =>
        page(
          input.kind === 'hospital'
            ? [hits.hospital]
            : input.kind === 'doctor'
              ? [hits.doctor]
              : [hits.hospital, hits.doctor],
        ),
    });
    const { container } = render(<SearchPage />);
    await type(container, ' 瑞金 ');

    expect(await screen.findByText('瑞金医院')).toBeTruthy();
    expect(screen.getByText('瑞金的李医生')).toBeTruthy();
    expect(backend.callsOf('search')).toEqual([{ q: '瑞金', kind: 'all', page: 1, pageSize: 20 }]);

    fireEvent.click(screen.getByText('医生'));
    await waitFor(() => expect(backend.callsOf('search')).toHaveLength(2));
    expect(await screen.findByText('瑞金的李医生')).toBeTruthy();
    expect(screen.queryByText('瑞金医院')).toBeNull();

    fireEvent.click(screen.getByText('医院'));
    expect(await screen.findByText('瑞金医院')).toBeTruthy();
    expect(screen.queryByText('瑞金的李医生')).toBeNull();
    expect(backend.callsOf('search').map((c) => c.kind)).toEqual(['all', 'doctor', 'hospital']);
  });

  test('no hits: the empty state says so', async () => {
    installBackend({ search: () => page([]) });
    const { container } = render(<SearchPage />);
    await type(container, '不存在的医院');
    expect(await screen.findByText('没有找到相关的医院或医生')).toBeTruthy();
  });

  test('results page in on reaching the bottom', async () => {
    const backend = installBackend({
      search: (input) =>
        input.page === 2 ? page([hits.doctor], 2, false) : page([hits.hospital], 1, true),
    });
    const { container } = render(<SearchPage />);
    await type(container, '瑞金');
    expect(await screen.findByText('瑞金医院')).toBeTruthy();
    await act(() => fire('onReachBottom'));
    expect(await screen.findByText('瑞金的李医生')).toBeTruthy();
    expect(screen.getByText('瑞金医院')).toBeTruthy();
    expect(backend.callsOf('search').map((c) => c.page)).toEqual([1, 2]);
  });

  test('a refused query shows the server message and 重试', async () => {
    installBackend({
      search: () => ({
        failure: { code: 'RATE_LIMITED', message: '搜索太频繁，请稍后再试' },
      }),
    });
    const { container } = render(<SearchPage />);
    await type(container, '瑞金');
    expect(await screen.findByText('搜索太频繁，请稍后再试')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
