import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SearchGuidance } from '../../contract/catalog';
import SearchPage from '../../src/pages/search';
import { givenConsent } from './consent-fixtures';
import { installBackend } from './fake-backend';
import { hospital, page } from './fixtures';
import { storage, taro } from './taro-fake';

// Issue 17 point 1 on the page: suggestions as you type, symptom guidance with 120,
// history on the device only after consent, clearable.

async function type(container: HTMLElement, value: string) {
  const input = await waitFor(() => {
    const el = container.querySelector('input');
    if (!el) throw new Error('search input not rendered');
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const sixth = hospital({ id: 'h6', name: '上海市第六人民医院' });
const found = (name: string) => page([{ kind: 'hospital' as const, hospital: { ...sixth, name } }]);

const chestPain: SearchGuidance = {
  symptom: '胸痛',
  departments: ['心血管内科', '急诊科'],
  emergency: true,
  notice: '急症请拨打120：胸痛可能是急症……',
  resultsFor: '心血管内科',
};

describe('search that understands patients', () => {
  test('suggestions appear as you type; a hospital opens, a department is searched', async () => {
    const backend = installBackend({
      suggest: () => ({
        items: [
          { kind: 'department', text: '心血管内科', id: null, detail: '科室' },
          { kind: 'hospital', text: '上海市第六人民医院', id: 'h6', detail: '徐汇区' },
        ],
      }),
      search: (input) => found(`结果:${input.q}`),
    });
    const { container } = render(<SearchPage />);
    await type(container, '六院');
    const suggestions = await screen.findByRole('listbox', { name: '搜索建议' });
    fireEvent.click(within(suggestions).getByText('上海市第六人民医院'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/hospital/index?id=h6' });

    fireEvent.click(within(suggestions).getByText('心血管内科'));
    expect(await screen.findByText('结果:心血管内科')).toBeTruthy();
    expect(backend.callsOf('search').at(-1)).toMatchObject({ q: '心血管内科' });
  });

  test('a symptom shows the 120 notice first, with a call button and suggested departments', async () => {
    const backend = installBackend({
      search: (input) => ({ ...found(`结果:${input.q}`), guidance: chestPain }),
    });
    const { container } = render(<SearchPage />);
    await type(container, '胸痛');
    expect(await screen.findByText(chestPain.notice)).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByText('以下是心血管内科的医院和医生')).toBeTruthy();
    fireEvent.click(screen.getByText('拨打120'));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '120' });
    fireEvent.click(screen.getByText('急诊科'));
    await waitFor(() => expect(backend.callsOf('search').at(-1)).toMatchObject({ q: '急诊科' }));
  });

  test('no guidance card for an ordinary search', async () => {
    installBackend({ search: () => ({ ...found('瑞金医院'), guidance: null }) });
    const { container } = render(<SearchPage />);
    await type(container, '瑞金');
    expect(await screen.findByText('瑞金医院')).toBeTruthy();
    expect(screen.queryByText('拨打120')).toBeNull();
    expect(screen.queryByText('建议科室')).toBeNull();
  });

  test('after consent: a search that found something is remembered and can be cleared', async () => {
    givenConsent('agreed');
    installBackend({ search: (input) => found(`结果:${input.q}`) });
    const first = render(<SearchPage />);
    await type(first.container, '瑞金');
    expect(await screen.findByText('结果:瑞金')).toBeTruthy();
    await waitFor(() => expect(storage.get('searchHistory')).toEqual(['瑞金']));
    first.unmount();

    render(<SearchPage />);
    expect(screen.getByText('搜索历史')).toBeTruthy();
    expect(screen.getByText('瑞金')).toBeTruthy();
    fireEvent.click(screen.getByText('清空'));
    expect(screen.queryByText('搜索历史')).toBeNull();
    expect(storage.has('searchHistory')).toBe(false);
  });

  test('without consent nothing is remembered, and old history is forgotten', async () => {
    givenConsent('declined');
    storage.set('searchHistory', ['六院']);
    installBackend({ search: (input) => found(`结果:${input.q}`) });
    const { container } = render(<SearchPage />);
    expect(screen.queryByText('搜索历史')).toBeNull();
    await type(container, '瑞金');
    expect(await screen.findByText('结果:瑞金')).toBeTruthy();
    expect(storage.has('searchHistory')).toBe(false);
  });

  test('common searches start a search with one tap', async () => {
    const backend = installBackend({ search: (input) => found(`结果:${input.q}`) });
    render(<SearchPage />);
    fireEvent.click(screen.getByText('六院'));
    expect(await screen.findByText('结果:六院')).toBeTruthy();
    expect(backend.callsOf('search')[0]).toMatchObject({ q: '六院' });
  });
});
