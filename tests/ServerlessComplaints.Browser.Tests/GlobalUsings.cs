global using Assertions = Microsoft.Playwright.Assertions;
