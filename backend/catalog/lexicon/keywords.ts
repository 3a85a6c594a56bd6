import { pinyin } from 'pinyin-pro';
import { namesOfDepartment } from './departments';
import { aliasesOf } from './hospital-aliases';

/**
 * The `keywords` text field of catalog documents: the other ways a patient may type what a
 * document is (aliases, department synonyms, pinyin, initials). Computed once when the
 * catalog is seeded or imported, so a search is one ranked substring lookup in the store's
 * index (both adapters index `keywords` like any text field) — never pinyin over every row
 * per query. Pinyin comes from pinyin-pro (polyphones by word context: 长宁 → changning).
 */

const PINYIN = { toneType: 'none', type: 'array', nonZh: 'removed', v: true } as const;

/** "ruijinyiyuan" and "rjyy" for 瑞金医院; nothing for text without Han characters. */
export function pinyinForms(text: string): string[] {
  const syllables = pinyin(text, PINYIN).filter((s) => s !== '');
  if (syllables.length === 0) return [];
  return [syllables.join(''), syllables.map((s) => s[0]).join('')];
}

/** Distinct non-empty words, in first-seen order. */
const distinct = (words: string[]): string[] => [...new Set(words.filter((w) => w !== ''))];

export function hospitalKeywords(h: {
  name: string;
  shortName: string | null;
  departments: readonly string[];
}): string {
  const aliases = aliasesOf(h.name);
  const names = distinct([h.name, h.shortName ?? '', ...aliases]);
  const synonyms = h.departments.flatMap((d) => namesOfDepartment(d).filter((n) => n !== d));
  return distinct([...aliases, ...names.flatMap(pinyinForms), ...synonyms]).join(' ');
}

export function doctorKeywords(d: {
  name: string;
  department: string;
  hospitalName: string;
}): string {
  const synonyms = namesOfDepartment(d.department).filter((n) => n !== d.department);
  return distinct([...synonyms, ...aliasesOf(d.hospitalName), ...pinyinForms(d.name)]).join(' ');
}
