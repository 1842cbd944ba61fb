/**
 * Component tests at a phone's size: `onPhone` runs a test at 390 × 844 in the real browser and
 * gives the viewport back after it, pass or fail (one helper for every component's phone tests).
 */
import { setViewport } from '@web/test-runner-commands';

export const PHONE = { width: 390, height: 844 } as const;

/** A mocha test run at 390 × 844, the viewport given back after it. */
export function onPhone(title: string, test: () => Promise<void>): void {
  it(title, async () => {
    const [width, height] = [innerWidth, innerHeight];
    await setViewport(PHONE);
    try {
      await test();
    } finally {
      await setViewport({ width, height });
    }
  });
}
