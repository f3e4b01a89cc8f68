/**
 * The account console's own signed-in keycloak-js instance and its environment, for a content module. The
 * console renders such a module with no props, and the React context that holds both is private to the
 * console's bundle; the module therefore reads the value of that context's provider above its own element in
 * React's tree (the same React: the console and the module import it through the page's import map).
 */
export function consoleContext(element) {
  const fiberKey = Object.keys(element).find((key) => key.startsWith("__reactFiber$"));
  for (let fiber = fiberKey ? element[fiberKey] : null; fiber; fiber = fiber.return) {
    const value = fiber.memoizedProps?.value;
    if (value?.keycloak && value?.environment) {
      return value;
    }
  }
  return null;
}

/** Joins URL parts with single slashes, as the console does. */
export function joinPath(...parts) {
  return parts
    .map((part, i) => (i > 0 ? part.replace(/^\/+/, "") : part))
    .map((part, i, all) => (i < all.length - 1 ? part.replace(/\/+$/, "") : part))
    .join("/");
}
