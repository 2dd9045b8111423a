/**
 * The few strings the element needs before the panel is loaded (launcher, quick exit, fallback
 * numbers if the panel cannot load). They live in the first-load chunk; the full catalogues
 * (`fr.ts`, `en.ts`) include them, so a partner overrides them the same way.
 */
export const launcherFr = {
  launcher: 'Besoin d’aide ?',
  panelTitle: 'Safe Place : aide et signalement',
  close: 'Fermer',
  quickExit: 'Quitter vite',
  quickExitHint: 'ou appuyez 3 fois sur Maj',
  shiftCount: 'Maj pressée {n} fois sur 3. Encore {left} pour quitter la page.',
  loading: 'Chargement…',
  loadFailed: 'L’aide n’a pas pu se charger. En danger, appelez ou écrivez :',
}

export type LauncherStrings = typeof launcherFr

export const launcherEn: LauncherStrings = {
  launcher: 'Need help?',
  panelTitle: 'Safe Place: help and reporting',
  close: 'Close',
  quickExit: 'Quick exit',
  quickExitHint: 'or press Shift 3 times',
  shiftCount: 'Shift pressed {n} of 3 times. {left} more to leave this page.',
  loading: 'Loading…',
  loadFailed: 'Help could not load. In danger, call or text:',
}

/** Fills `{name}` placeholders; unknown ones stay as written. */
export function fmt(text: string, values: Record<string, string | number>): string {
  let out = text
  for (const name in values) out = out.replaceAll(`{${name}}`, String(values[name]))
  return out
}
