import type { Page } from 'playwright-core';

/** What has keyboard focus, in terms a test can match on. */
export interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly className: string;
  readonly text: string;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      name: element?.name ?? '',
      value: element?.value ?? '',
      className: typeof element?.className === 'string' ? element.className : '',
      text: element?.innerText?.trim() ?? '',
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
export async function tabTo(page: Page, matches: (element: Focused) => boolean, what: string, limit = 60): Promise<Focused> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now)) return now;
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses; focus is on ${JSON.stringify(await focused(page))}`);
}
