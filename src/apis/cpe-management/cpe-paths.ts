// Where the CPE Management API is served.
export const CPE_BASE_PATH = 'cpe-management/v0';
