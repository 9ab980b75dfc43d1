/**
 * The council page's entry: renders the app. Nothing is fetched from anywhere; the scoring worker
 * and, when a workbook is written, exceljs are loaded from this page's own folder.
 */
import { render } from 'preact';
import { App } from './app.js';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
