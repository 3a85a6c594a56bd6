/**
 * Stands in for src/platform/image-upload: shrinking a picture is the platform's work, not
 * the page's, so every picture comes back ready as TINY_PNG.
 */
import { TINY_PNG } from './account-fixtures';

export const prepareImage = jest.fn(async () => ({
  status: 'ready',
  image: { contentBase64: TINY_PNG, contentType: 'image/png' },
}));
