import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/simplified-chinese';
import './survey/survey-fonts.css';
import './app/app.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');
createRoot(root).render(<StrictMode><App /></StrictMode>);
