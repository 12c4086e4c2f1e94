// Paths into an assessment: "tasks.2.score" (a control's data-path) as ['tasks', 2, 'score'].

/** A dotted path as keys, whole-number parts as indices. */
export const parsePath = (key) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
