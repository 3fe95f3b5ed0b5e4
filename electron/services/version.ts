/** The program version written into migrations, evidence files and exchange packages. */
export const APP_VERSION = '0.1.0'
