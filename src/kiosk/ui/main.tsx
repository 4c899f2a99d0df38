import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/simplified-chinese';
import '../../survey/survey-fonts.css';
import './kiosk.css';
import { KioskApp } from './KioskApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('kiosk.html must contain #root');
createRoot(root).render(<StrictMode><KioskApp /></StrictMode>);
