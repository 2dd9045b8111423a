import type { Browser, LaunchOptions } from 'playwright-core'

/** `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export declare const CHROMIUM_PATH: string
/** The flags every launch uses. */
export declare const CHROMIUM_ARGS: readonly string[]
/** Launches Debian's Chromium headless; throws a clear error when it is not installed. */
export declare function launchChromium(
  options?: Omit<LaunchOptions, 'executablePath' | 'args'>,
): Promise<Browser>
