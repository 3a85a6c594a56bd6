/** `npm run privacy:pia`: writes docs/privacy-pia.md, the PIPL art. 55–56 assessment draft. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPia } from '../backend/privacy/pia';

export const PIA_PATH = join(__dirname, '..', 'docs', 'privacy-pia.md');

writeFileSync(PIA_PATH, renderPia());
console.log(`wrote ${PIA_PATH}`);
