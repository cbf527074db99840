export * from './activities.ts';
export * from './auth.ts';
export * from './imports.ts';
export * from './plans.ts';
export * from './precedents.ts';
export * from './scorecards.ts';
export * from './stakeholders.ts';
export * from './workspaces.ts';
