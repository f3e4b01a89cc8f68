import { joinPath } from "./console.js";

/**
 * The page's texts in the console's language, from the same endpoint the console reads its own from (the
 * account theme's messages_*.properties). Returns t(key, ...args); {0}, {1} are replaced by the arguments.
 */
export async function loadMessages(environment) {
  const url = joinPath(environment.serverBaseUrl, "resources", environment.realm, "account", environment.locale || "en");
  const response = await fetch(url);
  const entries = response.ok ? await response.json() : [];
  const texts = Object.fromEntries(entries.map(({ key, value }) => [key, value]));
  return (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}
