// What the app's parts (app/*.js) share: a way to call each other's functions through the app's
// context `ctx` (late-bound, so a part may call one made after it), and the page's elements by id.

/** ctx's functions `names`, each looked up on ctx when it is called. */
export const lateBound = (ctx, names) => Object.fromEntries(names.map((name) => [name, (...args) => ctx[name](...args)]));

/** An element of the page by its id. */
export const $ = (id) => document.getElementById(id);
