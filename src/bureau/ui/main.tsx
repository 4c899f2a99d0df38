import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../app/app.css';
import './bureau.css';
import { BureauApp } from './BureauApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('bureau.html must contain #root');
createRoot(root).render(<StrictMode><BureauApp /></StrictMode>);
