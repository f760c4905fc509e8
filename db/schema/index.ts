export * from './org';
export * from './users';
export * from './auth';
export * from './audit';
export * from './register';
export * from './cases';
export * from './students';
export * from './stats';
