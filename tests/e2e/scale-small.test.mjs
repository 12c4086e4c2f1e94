// The scale test at 300 roles, in the default suite: every mechanism the 10,000-role run checks
// (pages, cards and badges for every role, search, Compare and the guide searching rather than
// listing, offline) in about a minute. The full size has its own command: scripts/scale.
process.env.JOBZONE_SCALE_ROLES ??= '300';
await import('../scale/scale.test.mjs');
