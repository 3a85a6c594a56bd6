import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { guideCategories, renderPrivacyGuide } from '../../contract/privacy/guide';
import { ENTERED_CATEGORIES } from '../../contract/privacy/entered';
import { PRIVACY_APIS, PRIVACY_MANIFEST } from '../../contract/privacy/manifest';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** How a privacy API shows up in source: a call or reference, a component tag, a button openType. */
function patternOf(api: string): RegExp {
  if (api.startsWith('<')) return new RegExp(`<${api.slice(1, -1)}\\b`);
  if (api.startsWith('openType:'))
    return new RegExp(`openType=\\{?["'\`]${api.slice('openType:'.length)}["'\`]`);
  return new RegExp(`\\b(?:Taro|wx)\\s*\\.\\s*${api}\\b`);
}

/** Which privacy APIs src/ uses, and where. */
function usesIn(files: string[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const api of Object.keys(PRIVACY_APIS)) {
      if (patternOf(api).test(text))
        uses.set(api, [...(uses.get(api) ?? []), relative(root, file)]);
    }
  }
  return uses;
}

describe('privacy manifest ↔ src/', () => {
  const used = usesIn(sourceFiles(join(root, 'src')));
  const declared = new Set(PRIVACY_MANIFEST.flatMap((c) => c.apis));

  it('every privacy API the mini-program calls is declared in the manifest', () => {
    const undeclared = [...used]
      .filter(([api]) => !declared.has(api))
      .map(([api, files]) => `${api} in ${files.join(', ')}`);
    expect(undeclared).toEqual([]);
  });

  it('every API the manifest declares is still called somewhere', () => {
    const unused = [...declared].filter((api) => !used.has(api));
    expect(unused).toEqual([]);
  });

  it('declares only APIs WeChat (or the policy) treats as personal data, each under its category', () => {
    for (const c of PRIVACY_MANIFEST)
      for (const api of c.apis) expect(Object.keys(PRIVACY_APIS)).toContain(api);
  });

  it('the scanner sees each kind of use (so the checks above can fail)', () => {
    expect(patternOf('getLocation').test('await Taro.getLocation({ type: "wgs84" })')).toBe(true);
    expect(patternOf('getLocation').test('Taro.getLocationLater()')).toBe(false);
    expect(patternOf('<Camera>').test('<Camera devicePosition="front" />')).toBe(true);
    expect(patternOf('openType:getPhoneNumber').test('<Button openType="getPhoneNumber">')).toBe(
      true,
    );
    expect(patternOf('chooseMedia').test('wx.chooseMedia({ count: 9 })')).toBe(true);
  });

  it('docs/privacy-guide.md is up to date (run `npm run privacy:guide`)', () => {
    expect(readFileSync(join(root, 'docs', 'privacy-guide.md'), 'utf8')).toBe(renderPrivacyGuide());
  });

  it('app.config.ts asks for nothing the code does not use', () => {
    const config = readFileSync(join(root, 'src', 'app.config.ts'), 'utf8');
    for (const scope of [
      'scope.userLocation',
      'scope.camera',
      'scope.record',
      'scope.writePhotosAlbum',
    ]) {
      if (config.includes(`'${scope}'`)) {
        expect(PRIVACY_MANIFEST.some((c) => c.scopes.includes(scope))).toBe(true);
      }
    }
    const required = /requiredPrivateInfos:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
    for (const api of required.match(/[A-Za-z]+/g) ?? []) expect(used.has(api)).toBe(true);
  });

  // Issue 11 point 7: a declaration with no use, or a use with no declaration, fails.
  it('every category the guide declares is used by the build it describes', () => {
    const umengInSource = sourceFiles(join(root, 'src')).some((f) =>
      /umtrack-wx|createUmengAnalytics/.test(readFileSync(f, 'utf8')),
    );
    for (const umeng of [false, true]) {
      for (const c of guideCategories({ umeng })) {
        const apiUsed = c.apis.some((api) => used.has(api));
        // Umeng is the one category collected by an SDK rather than a wx API.
        const sdkUsed = c.id === 'analytics' && umeng && umengInSource;
        expect({ id: c.id, used: apiUsed || sdkUsed }).toEqual({ id: c.id, used: true });
      }
    }
  });

  it('Umeng is declared only in builds that include it', () => {
    expect(renderPrivacyGuide({ umeng: false })).not.toContain('友盟+统计分析：');
    expect(renderPrivacyGuide({ umeng: false })).toContain('本版本不包含友盟+统计分析 SDK');
    expect(renderPrivacyGuide({ umeng: true })).toContain('友盟+统计分析：');
  });

  it('the guide declares the sensitive data users enter themselves', () => {
    const guide = renderPrivacyGuide();
    for (const c of ENTERED_CATEGORIES) expect(guide).toContain(c.category);
    for (const word of ['身份证号', '人脸照', '病情描述', '就诊人']) expect(guide).toContain(word);
  });
});
