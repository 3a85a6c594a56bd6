/**
 * 我的 → 就诊人管理 (IDV, PI): the list as the server masks it; 添加 checks the document as
 * the server will and asks for the holder's declaration (the guardian's for a child); the
 * separate health consent is asked on its own screen; removal explains what blocks it.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  AGREED_DECLARATION,
  GUARDIAN_DECLARATION,
  PATIENT_ERROR_REASONS,
} from '../../contract/patients/items';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import { idCheckChar } from '../../contract/user/id-number';
import PatientFormPage from '../../src/subpackages/family/patient-form';
import PatientsPage from '../../src/subpackages/family/patients';
import { serverState } from './consent-fixtures';
import { consultBackend, Failure, givenLoggedIn } from './consult-fixtures';
import { button, type } from './forms';
import { FATHER, patientView } from './patient-fixtures';
import { taro } from './taro-fake';

const withCheck = (first17: string) => first17 + idCheckChar(first17);
/** A man born 1960-05-05 and a girl born 2020-03-01 (GB 11643 check characters). */
const FATHER_ID = withCheck('31010119600505003');
const CHILD_ID = withCheck('31010120200301002');

beforeEach(() => givenLoggedIn());

test('就诊人管理 lists them masked; removal blocked by an open consult says so in words', async () => {
  const b = consultBackend({
    'patients.list': () => ({ items: [patientView(), FATHER], max: 8 }),
    'patients.remove': () => {
      throw new Failure('FAILED_PRECONDITION', PATIENT_ERROR_REASONS.patient_in_use, {
        reason: 'patient_in_use',
        blocker: 'consult',
      });
    },
  });
  render(<PatientsPage />);
  expect(await screen.findByText('王*')).toBeTruthy();
  expect(screen.getByText('过敏史：青霉素')).toBeTruthy();
  expect(screen.getByText('已添加 2/8 位')).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);

  const cards = screen.getAllByTestId('patient-card');
  fireEvent.click(cards[1].querySelector('taro-button-core:last-child') as HTMLElement);
  expect(await screen.findByText('该就诊人有进行中的咨询，请在咨询结束后再删除')).toBeTruthy();
  expect(taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('全部病历及附件') }),
  );
  expect(b.calls.filter((c) => c.action === 'remove').map((c) => c.data)).toEqual([
    { patientId: FATHER.id, confirm: true },
  ]);
});

test('removal the user does not confirm sends nothing; a confirmed one reloads the list', async () => {
  let items = [patientView(), FATHER];
  const b = consultBackend({
    'patients.list': () => ({ items, max: 8 }),
    'patients.remove': () => {
      items = [patientView()];
      return { patientId: FATHER.id, recordsRemoved: 2 };
    },
  });
  taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  render(<PatientsPage />);
  await screen.findByText('王*');
  const removeFather = () =>
    fireEvent.click(
      screen
        .getAllByTestId('patient-card')[1]
        .querySelector('taro-button-core:last-child') as HTMLElement,
    );
  removeFather();
  await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
  removeFather();
  await waitFor(() => expect(screen.queryByText('王*')).toBeNull());
  expect(b.calls.filter((c) => c.action === 'remove')).toHaveLength(1);
  expect(taro.showToast).toHaveBeenCalledWith({ title: '已删除，含 2 条病历', icon: 'none' });
});

test('at the limit 添加就诊人 is disabled and says why', async () => {
  const eight = Array.from({ length: 8 }, (_, i) => patientView({ id: `p0000000${i}` }));
  consultBackend({ 'patients.list': () => ({ items: eight, max: 8 }) });
  render(<PatientsPage />);
  expect(await screen.findByText(/已达上限/)).toBeTruthy();
  expect(button('添加就诊人').getAttribute('disabled')).not.toBe('false');
});

async function fillFather(idNumber: string) {
  render(<PatientFormPage />);
  fireEvent.click(await screen.findByText('父母'));
  await type('与证件一致', '王建国');
  await type('18 位身份证号码', idNumber);
}

test('a wrong check digit never leaves the phone', async () => {
  const b = consultBackend({});
  await fillFather(FATHER_ID.slice(0, 17) + (FATHER_ID[17] === '1' ? '2' : '1'));
  fireEvent.click(button('保存'));
  expect(await screen.findByText('身份证号码有误，请核对')).toBeTruthy();
  expect(b.calls.filter((c) => c.fn === 'patients')).toEqual([]);
});

test('another adult needs the holder’s declaration; ticked, it is sent with the document', async () => {
  const b = consultBackend({ 'patients.add': () => FATHER });
  await fillFather(FATHER_ID);
  expect(await screen.findByText(AGREED_DECLARATION)).toBeTruthy();
  fireEvent.click(button('保存'));
  expect(await screen.findByText('请确认已获得该就诊人同意')).toBeTruthy();
  expect(b.calls.filter((c) => c.fn === 'patients')).toEqual([]);

  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(button('保存'));
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  expect(b.calls.filter((c) => c.action === 'add').map((c) => c.data)).toEqual([
    {
      relation: '父母',
      name: '王建国',
      document: { idType: 'id_card', idNumber: FATHER_ID },
      allergies: '',
      chronicConditions: '',
      declaration: { agreed: true },
    },
  ]);
});

test('a child under 14 takes the guardian’s declaration, and never as 父母', async () => {
  const b = consultBackend({ 'patients.add': () => patientView({ relation: '子女', age: 6 }) });
  await fillFather(CHILD_ID);
  expect(await screen.findByText(GUARDIAN_DECLARATION)).toBeTruthy();
  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(button('保存'));
  expect(
    await screen.findByText('未满十四周岁的就诊人只能以子女（或监护人声明）身份添加'),
  ).toBeTruthy();
  expect(b.calls.filter((c) => c.fn === 'patients')).toEqual([]);

  fireEvent.click(screen.getByText('子女'));
  // Changing the relation unticks the declaration: the holder ticks it for this one.
  await waitFor(() =>
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false'),
  );
  fireEvent.click(screen.getByRole('checkbox'));
  fireEvent.click(button('保存'));
  await waitFor(() => expect(b.calls.filter((c) => c.action === 'add')).toHaveLength(1));
  expect(b.calls.find((c) => c.action === 'add')?.data).toMatchObject({
    relation: '子女',
    declaration: { guardian: true },
  });
});

test('without the health consent the server refuses; its own screen asks, then it is saved', async () => {
  let consented = false;
  const b = consultBackend({
    'privacy.recordSensitiveConsent': () => {
      consented = true;
      return serverState({ health: true });
    },
    'patients.add': () => {
      if (!consented)
        throw new Failure('FAILED_PRECONDITION', '请先同意', {
          reason: 'health_consent_required',
        });
      return FATHER;
    },
  });
  await fillFather(FATHER_ID);
  fireEvent.click(await screen.findByText(AGREED_DECLARATION));
  fireEvent.click(button('保存'));
  expect(await screen.findByText(SENSITIVE_CONSENTS.health.title)).toBeTruthy();
  fireEvent.click(screen.getByText(SENSITIVE_CONSENTS.health.checkbox));
  fireEvent.click(button('同意并继续'));
  await waitFor(() => expect(b.calls.filter((c) => c.action === 'add')).toHaveLength(2));
  expect(b.calls.find((c) => c.action === 'recordSensitiveConsent')?.data).toEqual({
    item: 'health',
    version: SENSITIVE_CONSENTS.health.version,
  });
  await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
});
