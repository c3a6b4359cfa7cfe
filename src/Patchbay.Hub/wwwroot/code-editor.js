// Teaches Monaco's JavaScript service (the one BlazorMonaco's editors use) what Patchbay's bz-util and the
// parameters of invoke are, from bz-util.d.ts beside this file, so completion offers bizagiUtil.getResponse,
// LOG.info, globals.authdata... Monaco keeps extra libraries for the page's life: they are added once.
let added = null;

export function useBzUtilTypes() {
  added ??= fetch(new URL('./bz-util.d.ts', import.meta.url))
    .then((response) => {
      if (!response.ok) {
        throw new Error(`bz-util.d.ts could not be loaded (HTTP ${response.status})`);
      }
      return response.text();
    })
    .then((declarations) => {
      monaco.languages.typescript.javascriptDefaults.addExtraLib(declarations, 'file:///node_modules/@types/bz-util/index.d.ts');
    })
    .catch((error) => {
      added = null; // the next editor tries again
      throw error;
    });
  return added;
}
