// The folder the site is served from, whatever page the app runs on (the start page, or a role's
// page under roles/<id>/): the scripts live in assets/ (js/ unbundled), one level below it. Data,
// the service worker and the links the app writes are all resolved against it.
export const siteRoot = new URL('../', import.meta.url);

/** A URL of the site: siteUrl('data/index.json'), siteUrl('?role=x'). */
export const siteUrl = (path) => new URL(path, siteRoot);
