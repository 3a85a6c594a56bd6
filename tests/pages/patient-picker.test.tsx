/**
 * 就诊人 picker (IDV, PI): the account's 就诊人 as the back end masks them, one chosen; the
 * empty state leads to 添加就诊人; a failed load says why and retries.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { PatientPicker } from '../../src/components/patient-picker';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { FATHER, patientView } from './patient-fixtures';

beforeEach(() => givenLoggedIn());

function Harness(props: { onAdd?: () => void; selectFirst?: boolean }) {
  const [value, setValue] = useState<string | undefined>();
  return (
    <>
      <PatientPicker
        value={value}
        onChange={setValue}
        onAdd={props.onAdd}
        selectFirst={props.selectFirst}
      />
      <span data-testid="chosen">{value ?? 'none'}</span>
    </>
  );
}

const chosen = () => screen.getByTestId('chosen').textContent;

test('lists the 就诊人 masked, and a tap chooses one', async () => {
  consultBackend({ 'patients.list': () => ({ items: [patientView(), FATHER], max: 8 }) });
  render(<Harness />);
  expect(await screen.findByText('王*')).toBeTruthy();
  expect(screen.getByText('张*')).toBeTruthy();
  expect(screen.getByText(/3101\*{10}5678/)).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);
  expect(chosen()).toBe('none');
  fireEvent.click(screen.getByText('王*'));
  await waitFor(() => expect(chosen()).toBe(FATHER.id));
  const father = screen.getByRole('radio', { name: '王* 父母' });
  expect(father.getAttribute('aria-checked')).toBe('true');
});

test('selectFirst chooses 本人 (the first) when nothing is chosen', async () => {
  consultBackend({ 'patients.list': () => ({ items: [patientView(), FATHER], max: 8 }) });
  render(<Harness selectFirst />);
  await waitFor(() => expect(chosen()).toBe('p0000000a'));
});

test('no 就诊人: the empty state offers 添加就诊人', async () => {
  consultBackend({ 'patients.list': () => ({ items: [], max: 8 }) });
  const onAdd = jest.fn();
  render(<Harness onAdd={onAdd} />);
  fireEvent.click(await screen.findByText('添加就诊人'));
  expect(onAdd).toHaveBeenCalledTimes(1);
});

test('at the limit there is no 添加就诊人 under the list', async () => {
  const eight = Array.from({ length: 8 }, (_, i) =>
    patientView({ id: `p0000000${i}`, nameMasked: `李${i}*`, relation: i ? '其他' : '本人' }),
  );
  consultBackend({ 'patients.list': () => ({ items: eight, max: 8 }) });
  render(<Harness onAdd={() => undefined} />);
  await screen.findByText('李7*');
  expect(screen.queryByText(/添加就诊人/)).toBeNull();
});

test('a failed load says why; 重试 loads again', async () => {
  let n = 0;
  consultBackend({
    'patients.list': () => {
      n += 1;
      if (n === 1) throw new Failure('INTERNAL', '服务暂时不可用，请稍后重试');
      return { items: [FATHER], max: 8 };
    },
  });
  render(<Harness />);
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('王*')).toBeTruthy();
});
