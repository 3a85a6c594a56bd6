import { POLICY_TEXT } from './policy-text';

export type PolicyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string };

export interface Policy {
  title: string;
  /** ISO dates read from 更新日期 / 生效日期. */
  updatedAt: string;
  effectiveAt: string;
  /** Derived from the dates, so a new text with new dates is a new version (POL). */
  version: string;
  blocks: PolicyBlock[];
}

const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

function isoDate(line: string | undefined, label: string): string {
  const m = line ? DATE.exec(line) : null;
  if (!m) throw new Error(`privacy policy has no ${label}`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** A short line with no sentence punctuation is a heading; `N）short` is a subheading. */
function classify(line: string): PolicyBlock {
  const sentence = /[。，；：、“”]/.test(line);
  if (/^\d+）/.test(line) && line.length <= 16 && !sentence)
    return { kind: 'subheading', text: line };
  if (line.length <= 12 && !sentence) return { kind: 'heading', text: line };
  return { kind: 'paragraph', text: line };
}

export function parsePolicy(text: string): Policy {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const title = lines[0] ?? '';
  const updatedLine = lines.find((l) => l.startsWith('更新日期'));
  const effectiveLine = lines.find((l) => l.startsWith('生效日期'));
  const updatedAt = isoDate(updatedLine, '更新日期');
  const effectiveAt = isoDate(effectiveLine, '生效日期');
  const body = lines.filter(
    (l, i) => l !== updatedLine && l !== effectiveLine && !(l === title && i < 2),
  );
  // A line that continues an unfinished sentence (the text wraps the SDK list mid-sentence).
  const blocks: PolicyBlock[] = [];
  for (const line of body) {
    const block = classify(line);
    const prev = blocks[blocks.length - 1];
    if (
      block.kind === 'paragraph' &&
      prev?.kind === 'paragraph' &&
      !/[。；：！？）)]$/.test(prev.text)
    ) {
      prev.text += `\n${line}`;
      continue;
    }
    blocks.push(block);
  }
  const version = updatedAt === effectiveAt ? updatedAt : `${updatedAt}~${effectiveAt}`;
  return { title, updatedAt, effectiveAt, version, blocks };
}

/** The policy this build ships. */
export const CURRENT_POLICY: Policy = parsePolicy(POLICY_TEXT);

/** 《隐私政策补充说明》 (contract/privacy/supplement.ts) is versioned by its date. */
export const SUPPLEMENT_DATE = '2026-12-07';

/**
 * What a consent is given to (issue 11 point 10): the operator's unchanged policy and our
 * supplement, shown together in one consent sheet, under one version. A new text of
 * either is a new version, and the user is asked again; a stale version is refused.
 */
export const POLICY_VERSION = `${CURRENT_POLICY.version}_${SUPPLEMENT_DATE}`;
export { POLICY_TEXT };
