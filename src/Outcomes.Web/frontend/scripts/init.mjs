// Progressive enhancement only: every page works without this file. Marks the body as able to run GOV.UK Frontend's
// JavaScript (an inline script would need 'unsafe-inline' in the CSP) and starts its components.
import { initAll } from '/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
