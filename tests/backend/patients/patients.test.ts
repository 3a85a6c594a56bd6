/** 就诊人 (IDV, PI; PIPL art. 28/31): add, rules, masking, encryption at rest, remove. */
import { PATIENTS } from '../../../backend/collections';
import { MAX_PATIENTS } from '../../../contract/patients';
import type { PatientView } from '../../../contract/patients';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import {
  addFather,
  addReport,
  alice,
  ALICE_ID,
  ALICE_NAME,
  consultWorldEachTest,
  expectError,
  expectOk,
  FATHER,
  FATHER_ID,
  idNumber,
  patients,
  records,
  snapshot,
  verifyIdentity,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

it('a 就诊人 is stored encrypted and shown masked; birth date and sex come from the ID number', async () => {
  const father = await addFather(env);
  expect(father).toMatchObject({
    relation: '父母',
    nameMasked: '张**',
    idType: 'id_card',
    idNumberMasked: '3101**********' + FATHER_ID.slice(-4),
    birthDate: '1958-03-01',
    sex: 'male',
    age: 68,
    phoneMasked: '139****0009',
    allergies: '青霉素过敏',
    chronicConditions: '高血压',
    fromIdentity: false,
    declaration: {
      kind: 'agreed',
      at: env.clock.now().toISOString(),
      policyVersion: POLICY_VERSION,
    },
  });
  const raw = JSON.stringify(await env.store.find(PATIENTS.name, {}));
  for (const plain of ['张建国', FATHER_ID, '13900000009', '青霉素', '高血压'])
    expect(raw).not.toContain(plain);
  expect(expectOk<PatientView>(await patients(env, 'get', { patientId: father.id }))).toEqual(
    father,
  );
});

it('本人 comes from the verified identity: verifying makes it, with no retyping', async () => {
  expectError(
    await patients(env, 'add', { relation: '本人', fromIdentity: true }),
    'FAILED_PRECONDITION',
    { reason: 'identity_required' },
  );
  await verifyIdentity(env);
  // IDV's purpose (issue 11 point 9): the verified 本人 is already the holder's 就诊人.
  const listed = expectOk<{ items: PatientView[] }>(await patients(env, 'list', {})).items;
  expect(listed).toHaveLength(1);
  const self = listed[0];
  expect(self).toMatchObject({
    relation: '本人',
    nameMasked: ALICE_NAME[0] + '***',
    idNumberMasked: '3101**********' + ALICE_ID.slice(-4),
    birthDate: '1985-06-12',
    sex: 'female',
    fromIdentity: true,
    declaration: null,
  });
  expectError(
    await patients(env, 'add', {
      relation: '本人',
      name: '欧阳娜娜',
      document: { idType: 'id_card', idNumber: ALICE_ID },
    }),
    'FAILED_PRECONDITION',
    { reason: 'self_from_identity' },
  );
  expectError(await patients(env, 'add', { relation: '本人', fromIdentity: true }), 'CONFLICT', {
    reason: 'self_exists',
  });
  // The verified name and document cannot be edited; the health notes can.
  expectError(
    await patients(env, 'update', { patientId: self.id, name: '别人' }),
    'FAILED_PRECONDITION',
    { reason: 'identity_locked' },
  );
  const updated = expectOk<PatientView>(
    await patients(env, 'update', { patientId: self.id, allergies: '花粉' }),
  );
  expect(updated.allergies).toBe('花粉');
  const { items } = expectOk<{ items: PatientView[] }>(await patients(env, 'list', {}));
  expect(items.map((p) => p.relation)).toEqual(['本人']);
});

it('a 本人 typed before verifying takes the verified name and document, and keeps its notes', async () => {
  const typed = expectOk<PatientView>(
    await patients(env, 'add', {
      relation: '本人',
      name: '欧阳某',
      document: { idType: 'id_card', idNumber: idNumber('310115', '19850612', '011') },
      allergies: '青霉素',
    }),
  );
  await verifyIdentity(env);
  const { items } = expectOk<{ items: PatientView[] }>(await patients(env, 'list', {}));
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    id: typed.id,
    relation: '本人',
    nameMasked: ALICE_NAME[0] + '***',
    idNumberMasked: '3101**********' + ALICE_ID.slice(-4),
    allergies: '青霉素',
    fromIdentity: true,
  });
  const raw = JSON.stringify(await env.store.find(PATIENTS.name, {}));
  expect(raw).not.toContain(ALICE_NAME);
  expect(raw).not.toContain(ALICE_ID);
});

it('a failed verification makes no 就诊人', async () => {
  await verifyIdentity(env, alice, idNumber('310115', '20150101', '013'));
  expect(expectOk<{ items: PatientView[] }>(await patients(env, 'list', {})).items).toEqual([]);
});

it('another adult needs the holder’s declaration; a child the guardian’s, never as 父母 or 配偶', async () => {
  const { declaration: _, ...undeclared } = FATHER;
  expectError(await patients(env, 'add', undeclared), 'INVALID_ARGUMENT', {
    reason: 'declaration_required',
    issues: [{ path: 'data.declaration.agreed' }],
  });
  const child = {
    relation: '子女',
    name: '张小宝',
    document: { idType: 'id_card', idNumber: idNumber('310115', '20200101', '024') },
  };
  expectError(await patients(env, 'add', child), 'INVALID_ARGUMENT', {
    reason: 'guardian_required',
  });
  expectError(
    await patients(env, 'add', { ...child, relation: '配偶', declaration: { guardian: true } }),
    'INVALID_ARGUMENT',
    { reason: 'child_relation' },
  );
  const kid = expectOk<PatientView>(
    await patients(env, 'add', { ...child, declaration: { guardian: true } }),
  );
  expect(kid).toMatchObject({ age: 6, sex: 'female', declaration: { kind: 'guardian' } });
  // A younger sibling with the explicit guardian declaration.
  const sibling = expectOk<PatientView>(
    await patients(env, 'add', {
      relation: '兄弟姐妹',
      name: '张小弟',
      document: { idType: 'none', birthDate: '2019-05-01', sex: 'male' },
      declaration: { guardian: true },
    }),
  );
  expect(sibling).toMatchObject({ idType: 'none', idNumberMasked: null, age: 7 });
  expect((await env.store.find(PATIENTS.name, {})).length).toBe(2);
});

it('documents: no document only for children, other documents carry birth date and sex, no future births', async () => {
  expectError(
    await patients(env, 'add', {
      ...FATHER,
      document: { idType: 'none', birthDate: '1958-03-01', sex: 'male' },
    }),
    'INVALID_ARGUMENT',
    { reason: 'document_required' },
  );
  expectError(
    await patients(env, 'add', {
      ...FATHER,
      document: { idType: 'passport', idNumber: 'E12345678', birthDate: '2027-01-01', sex: 'male' },
    }),
    'INVALID_ARGUMENT',
    { reason: 'birth_in_future' },
  );
  expectError(
    await patients(env, 'add', { ...FATHER, document: { idType: 'passport', idNumber: 'E1' } }),
    'INVALID_ARGUMENT',
  );
  const visitor = expectOk<PatientView>(
    await patients(env, 'add', {
      ...FATHER,
      relation: '其他',
      name: 'John Smith',
      document: { idType: 'passport', idNumber: 'e12345678', birthDate: '1970-02-03', sex: 'male' },
    }),
  );
  expect(visitor).toMatchObject({ idType: 'passport', idNumberMasked: 'E123*5678', age: 56 });
  expectError(
    await patients(env, 'add', {
      ...FATHER,
      document: { idType: 'passport', idNumber: 'E12345678', birthDate: '1970-02-03', sex: 'male' },
    }),
    'CONFLICT',
    { reason: 'duplicate_document' },
  );
});

it('invalid ID numbers are refused on the field, and nothing is stored', async () => {
  const before = await snapshot(env);
  const bad = [
    FATHER_ID.slice(0, 17) + (FATHER_ID[17] === '0' ? '1' : '0'), // check character
    '990101195803010138', // region
    '310115195802300130', // 30 February
    '31011519580301013', // 17 characters
    '<script>alert(1)</script>',
  ];
  for (const idNumber of bad) {
    const error = expectError(
      await patients(env, 'add', { ...FATHER, document: { idType: 'id_card', idNumber } }),
      'INVALID_ARGUMENT',
    );
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ path: 'data.document.idNumber' }),
    ]);
  }
  expect(await snapshot(env)).toBe(before);
});

it(`at most ${MAX_PATIENTS} 就诊人: the next is refused and nothing changes`, async () => {
  for (let i = 0; i < MAX_PATIENTS; i++)
    expectOk(
      await patients(env, 'add', {
        ...FATHER,
        relation: '其他',
        document: { idType: 'id_card', idNumber: idNumber('310115', '19600101', `01${i}`) },
      }),
    );
  const before = await snapshot(env);
  expectError(
    await patients(env, 'add', {
      ...FATHER,
      document: { idType: 'id_card', idNumber: idNumber('310115', '19600101', '029') },
    }),
    'FAILED_PRECONDITION',
    { reason: 'patient_limit', max: MAX_PATIENTS },
  );
  expect(await snapshot(env)).toBe(before);
  // Removing one frees a slot.
  const { items } = expectOk<{ items: PatientView[] }>(await patients(env, 'list', {}));
  expectOk(await patients(env, 'remove', { patientId: items[3].id, confirm: true }));
  expectOk(
    await patients(env, 'add', {
      ...FATHER,
      document: { idType: 'id_card', idNumber: idNumber('310115', '19600101', '029') },
    }),
  );
});

it('removing a 就诊人 takes their records and files with it, after a confirm', async () => {
  const father = await addFather(env);
  const report = await addReport(env, father.id);
  expectOk(
    await records(env, 'uploadAttachment', {
      recordId: report.id,
      file: {
        contentBase64: Buffer.from('%PDF-1.7 scan').toString('base64'),
        contentType: 'application/pdf',
      },
    }),
  );
  expectError(await patients(env, 'remove', { patientId: father.id }), 'INVALID_ARGUMENT');
  const removed = expectOk(await patients(env, 'remove', { patientId: father.id, confirm: true }));
  expect(removed).toEqual({ patientId: father.id, recordsRemoved: 1 });
  expectError(await records(env, 'get', { recordId: report.id }), 'NOT_FOUND');
  expect(JSON.parse(await snapshot(env))).toEqual({
    rows: { patients: [], medicalRecords: [], recordShares: [], recordAccessLog: [] },
    files: [],
  });
  expect(alice.openid).toBeTruthy();
});

it(`ten adds at once: exactly ${MAX_PATIENTS} succeed (slots, no query in a transaction)`, async () => {
  const adds = Array.from({ length: 10 }, (_, i) =>
    patients(env, 'add', {
      ...FATHER,
      relation: '其他',
      document: { idType: 'id_card', idNumber: idNumber('310115', '19600101', `03${i}`) },
    }),
  );
  const results = await Promise.all(adds);
  expect(results.filter((r) => r.ok)).toHaveLength(MAX_PATIENTS);
  for (const r of results.filter((x) => !x.ok))
    expectError(r, 'FAILED_PRECONDITION', { reason: 'patient_limit' });
  expect(await env.store.count(PATIENTS.name, { owner: alice.openid })).toBe(MAX_PATIENTS);
});

it('update: phone cleared, document replaced and re-checked, another adult keeps the declaration', async () => {
  const father = await addFather(env);
  const updated = expectOk<PatientView>(
    await patients(env, 'update', {
      patientId: father.id,
      phone: null,
      document: { idType: 'hkmt', idNumber: 'H12345678', birthDate: '1958-03-01', sex: 'male' },
    }),
  );
  expect(updated).toMatchObject({
    phoneMasked: null,
    idType: 'hkmt',
    idNumberMasked: 'H123*5678',
    declaration: father.declaration,
  });
  const before = await snapshot(env);
  expectError(
    await patients(env, 'update', {
      patientId: father.id,
      document: { idType: 'none', birthDate: '2024-01-01', sex: 'male' },
    }),
    'INVALID_ARGUMENT',
    { reason: 'child_relation' },
  );
  expectError(await patients(env, 'update', { patientId: father.id }), 'INVALID_ARGUMENT');
  expect(await snapshot(env)).toBe(before);
});
