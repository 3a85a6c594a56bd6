import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cookiePair, json, startHarness, tempDir, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type WhoAmI = { ok: true; data: { caller: { openid: string; clientIp: string | null } | null } };

async function whoami(harness: Harness, headers: Record<string, string> = {}, data: object = {}) {
  const res = await harness.app.inject({
    url: '/api/probe',
    ...json({ action: 'whoami', data }, headers),
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as WhoAmI;
  return { res, caller: body.data.caller, setCookie: res.headers['set-cookie'] };
}

describe('anonymous identity', () => {
  it('gives a new browser an HttpOnly, SameSite=Lax, Path=/ cookie and an openid', async () => {
    const { caller, setCookie } = await whoami(h);
    const header = String(setCookie);
    expect(header).toMatch(/^zy_sid=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43};/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; Max-Age=\d{8}/);
    expect(header).not.toMatch(/Secure/);
    expect(caller?.openid).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    expect(caller?.clientIp).toBe('127.0.0.1');
  });

  it('the cookie is not the openid, and does not contain it', async () => {
    const { caller, setCookie } = await whoami(h);
    expect(String(setCookie)).not.toContain(caller!.openid);
  });

  it('the same cookie is the same caller on every request, and is not re-issued', async () => {
    const first = await whoami(h);
    const cookie = cookiePair(first.setCookie);
    const again = await whoami(h, { cookie });
    const third = await whoami(h, { cookie: `theme=dark; ${cookie}; lang=zh` });
    expect(again.caller!.openid).toBe(first.caller!.openid);
    expect(third.caller!.openid).toBe(first.caller!.openid);
    expect(again.setCookie).toBeUndefined();
  });

  it('two browsers are two callers', async () => {
    const a = await whoami(h);
    const b = await whoami(h);
    expect(a.caller!.openid).not.toBe(b.caller!.openid);
  });

  it('an openid in the request body is ignored', async () => {
    const victim = await whoami(h);
    const attacker = await whoami(h, {}, { openid: victim.caller!.openid });
    expect(attacker.caller!.openid).not.toBe(victim.caller!.openid);
  });

  it('a forged, tampered or malformed cookie gets a new identity, never someone else’s', async () => {
    const victim = await whoami(h);
    const [name, value] = cookiePair(victim.setCookie).split('=');
    const [sid, mac] = value.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const forgeries = [
      `${name}=${sid}.${flip(mac)}`, // victim's sid, wrong MAC
      `${name}=${flip(sid)}.${mac}`, // someone else's sid, victim's MAC
      `${name}=${victim.caller!.openid}`, // the openid itself
      `${name}=${sid}`, // the sid alone
      `${name}=`,
      `${name}=${'A'.repeat(43)}.${'A'.repeat(43)}`,
      `${name}=${value}x`,
      `${name}="${sid}.${mac.slice(0, -1)}"`,
      `${name}=${value.replace('.', '..')}`,
    ];
    const seen = new Set<string>([victim.caller!.openid]);
    for (const cookie of forgeries) {
      const res = await whoami(h, { cookie });
      expect(res.caller!.openid).not.toBe(victim.caller!.openid);
      expect(seen.has(res.caller!.openid)).toBe(false);
      seen.add(res.caller!.openid);
      expect(String(res.setCookie)).toMatch(/^zy_sid=/);
    }
  });

  it('a cookie from another server (another secret) is not accepted', async () => {
    const other = await startHarness();
    try {
      const there = await whoami(other);
      const here = await whoami(h, { cookie: cookiePair(there.setCookie) });
      expect(here.setCookie).toBeDefined();
      expect(here.caller!.openid).not.toBe(there.caller!.openid);
    } finally {
      await other.close();
    }
  });

  it('never issues the cookie on a page load or a static file (issue 11 point 3)', async () => {
    for (const url of ['/', '/pages/index/index', '/pages/home/index', '/js/app.js']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('issues it only when a handler reads the caller, not for a call that needs none', async () => {
    const res = await h.app.inject({
      url: '/api/probe',
      ...json({ action: 'slow', data: { ms: 0 } }),
    });
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.headers['set-cookie']).toBeUndefined();
    const failed = await h.app.inject({ url: '/api/probe', ...json({ action: 'nope' }) });
    expect(failed.headers['set-cookie']).toBeUndefined();
    expect(String((await whoami(h)).setCookie)).toMatch(/^zy_sid=/);
  });
});

describe('secure cookies', () => {
  it('marks the cookie Secure and host-only (__Host-) in production', async () => {
    const prod = await startHarness({ production: true });
    try {
      const first = await whoami(prod);
      expect(String(first.setCookie)).toMatch(/^__Host-zy_sid=.*; Secure$/);
      const again = await whoami(prod, { cookie: cookiePair(first.setCookie) });
      expect(again.caller!.openid).toBe(first.caller!.openid);
      // A plain zy_sid cookie (e.g. planted from a sibling subdomain) is not honoured.
      const planted = cookiePair(first.setCookie).replace('__Host-', '');
      expect((await whoami(prod, { cookie: planted })).caller!.openid).not.toBe(
        first.caller!.openid,
      );
    } finally {
      await prod.close();
    }
  });

  it('believes X-Forwarded-Proto/-For only with trustProxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const plain = await whoami(h, forwarded);
    expect(String(plain.setCookie)).not.toMatch(/Secure/);
    expect(plain.caller!.clientIp).toBe('127.0.0.1');

    const proxied = await startHarness({ trustProxy: true });
    try {
      const res = await whoami(proxied, forwarded);
      expect(String(res.setCookie)).toMatch(/; Secure$/);
      expect(res.caller!.clientIp).toBe('203.0.113.9');
    } finally {
      await proxied.close();
    }
  });
});

describe('server secret', () => {
  it('is created once with mode 0600 and keeps identities across restarts', async () => {
    const dataDir = tempDir('secret');
    const first = await startHarness({ dataDir });
    const file = join(dataDir, 'secret.key');
    const key = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = await whoami(first);
    await first.app.close();

    const second = await startHarness({ dataDir });
    try {
      expect(readFileSync(file, 'utf8')).toBe(key);
      const after = await whoami(second, { cookie: cookiePair(before.setCookie) });
      expect(after.caller!.openid).toBe(before.caller!.openid);
      expect(after.setCookie).toBeUndefined();
    } finally {
      await second.close();
    }
  });
});
