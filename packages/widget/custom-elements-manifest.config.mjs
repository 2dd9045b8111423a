/**
 * The custom-elements manifest documents the public surface only: the element, its
 * registration and its events. Lit internal state (`_open`…) and the generic `emit()` relay
 * are left out.
 */
export default {
  globs: ['src/safe-place-help.ts', 'src/safe-place-help.component.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  outdir: '.',
  // package.json's `customElements` points at the checked-in manifest; the freshness check
  // writes elsewhere and must not rewrite it.
  packagejson: false,
  plugins: [
    {
      name: 'safe-place:public-surface-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith('_'))
            }
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name)
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (m) =>
                  !m.name.startsWith('_') && !m.name.startsWith('#') && m.privacy !== 'private',
              )
            }
          }
        }
      },
    },
  ],
}
