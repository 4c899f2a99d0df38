/** Set by vite.config.ts for each build; lets the kiosk tell which app version checked a stored plan. */
declare const __PSYSCREEN_BUILD__: string | undefined;
