/**
 * Typing into Taro's H5 <Input>: the web component renders its native <input> a tick
 * later, so the helpers wait for it (found by placeholder, as a user finds the field).
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';

export async function field(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!input) throw new Error(`no input "${placeholder}" on the page`);
    return input;
  });
}

export async function type(placeholder: string, value: string): Promise<void> {
  const input = await field(placeholder);
  fireEvent.input(input, { target: { value } });
  await waitFor(() => expect(input.value).toBe(value));
}

/** Types, then leaves the field (its check runs on blur). */
export async function typeAndLeave(placeholder: string, value: string): Promise<void> {
  await type(placeholder, value);
  fireEvent.blur(await field(placeholder), { target: { value } });
}

/** The Taro <Button> (a taro-button-core element) whose text is exactly `label`. */
export function button(label: string): HTMLElement {
  const el = screen.getByText(label).closest('taro-button-core');
  if (!el) throw new Error(`"${label}" is not a button`);
  return el as HTMLElement;
}

/** The web component's own property: React writes `disabled="false"` as an attribute. */
export const isDisabled = (el: HTMLElement) =>
  (el as HTMLElement & { disabled?: boolean }).disabled === true;
