import { PRIVACY_MANIFEST } from '../../../contract/privacy/manifest';
import { ENTERED_CATEGORIES } from '../../../contract/privacy/entered';
import { THIRD_PARTIES } from '../../../contract/privacy/third-parties';
import {
  alice,
  createConsult,
  eve,
  expectOk,
  makeConsultEnv,
  setupWorld,
  type ConsultEnv,
} from '../consult/support';
import { freshEnvEachTest } from '../user/support';

interface Lists {
  collected: Array<{ category: string; purpose: string; scene: string; sdk: string | null }>;
  shared: Array<{ party: string; category: string; method: string }>;
  mine: Array<{ description: string; count: number }> | null;
}

let env: ConsultEnv;
freshEnvEachTest(makeConsultEnv, (made) => (env = made));
const lists = async (who: typeof alice | null) =>
  expectOk<Lists>(await env.call('privacy', { action: 'personalInfoLists', data: {} }, who));

describe('the two lists of 工信部信管函〔2021〕292号 (issue 11 point 6)', () => {
  it('anyone can read both lists, generated from the manifest, entered data and third parties', async () => {
    const { collected, shared, mine } = await lists(null);
    expect(mine).toBeNull();
    for (const c of PRIVACY_MANIFEST) {
      expect(
        collected.some((r) => r.category === c.wechatCategory && r.purpose === c.purpose),
      ).toBe(true);
    }
    for (const c of ENTERED_CATEGORIES)
      expect(collected.map((r) => r.category)).toContain(c.category);
    expect(collected.find((r) => r.sdk)?.sdk).toBe('友盟+统计分析 SDK');
    expect(shared.map((r) => r.party)).toEqual(THIRD_PARTIES.map((p) => p.name));
    expect(shared.find((r) => r.party === '腾讯云短信')).toMatchObject({
      category: '手机号、验证码',
      method: '服务端接口（API）传输',
    });
    for (const row of [...collected]) expect(row.scene.length).toBeGreaterThan(0);
  });

  it('a signed-in user also sees what is actually kept about them, and only theirs', async () => {
    await setupWorld(env);
    await createConsult(env, alice);
    const mine = (await lists(alice)).mine ?? [];
    const count = (prefix: string) => mine.find((r) => r.description.startsWith(prefix))?.count;
    expect(count('图文咨询')).toBe(1);
    expect(count('账号')).toBe(1);
    expect(count('隐私政策与各项授权的同意记录')).toBeGreaterThanOrEqual(1);
    // eve wrote nothing: her counts do not include alice's consult.
    expect(((await lists(eve)).mine ?? []).some((r) => r.description.startsWith('图文咨询'))).toBe(
      false,
    );
  });
});
