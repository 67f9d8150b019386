import { defineSkemaForm } from './skema-form-element.js';

// The script-tag bundle: loading it is enough to use <skema-form> in the page.
defineSkemaForm();
