/* The control room's dashboard: figures and Apache ECharts charts from /api/dashboard, refreshed
   every minute. The figures are also put on the page as text (data-* attributes) for tests and
   screen readers. Labels, legends and axis names come from js/i18n/dashboard.js. */
'use strict';

(() => {
  const t = I18n.t;
  const number = (n, digits) => n.toLocaleString(I18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const typeName = k => (t('type.' + k) === 'type.' + k ? k : t('type.' + k));
  const charts = {};

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
      window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
  }

  function minutes(mean) {
    if (mean.minutes === null || mean.minutes === undefined) {
      return '–';
    }
    return mean.minutes < 120 ? t('minutes', { n: number(mean.minutes, 1) }) : t('hours', { n: number(mean.minutes / 60, 1) });
  }

  function bars(id, counts, label) {
    chart(id).setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1, name: t('axis.incidents'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', inverse: true, data: counts.map(c => label(c.key)) },
      series: [{ name: t('axis.incidents'), type: 'bar', data: counts.map(c => c.count), itemStyle: { color: '#c62828' } }]
    });
  }

  function render(d) {
    const open = d.openByType.reduce((n, c) => n + c.count, 0);
    document.getElementById('open-total').textContent = String(open);
    document.getElementById('mtta').textContent = minutes(d.timeToAcknowledge);
    document.getElementById('mttr').textContent = minutes(d.timeToResolve);
    document.getElementById('period').textContent =
      t('since', { date: new Date(d.since).toLocaleDateString(I18n.locale(), { timeZone: 'Asia/Ho_Chi_Minh' }) });
    bars('chart-type', d.openByType, typeName);
    bars('chart-ward', d.openByWard, k => k);
    const agencies = d.reportsByAgency;
    chart('chart-agency').setOption({
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: agencies.map(a => a.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1, name: t('axis.reports') },
      series: [
        { name: t('onTime'), type: 'bar', stack: 'r', data: agencies.map(a => a.onTime), itemStyle: { color: '#2e7d32' } },
        { name: t('late'), type: 'bar', stack: 'r', data: agencies.map(a => a.late), itemStyle: { color: '#c62828' } },
        { name: t('pending'), type: 'bar', stack: 'r', data: agencies.map(a => a.pending), itemStyle: { color: '#f9a825' } }
      ]
    });
    document.body.dataset.open = String(open);
    document.body.dataset.agencies = String(agencies.length);
    document.body.dataset.rendered = 'true';
  }

  async function load() {
    const response = await fetch('api/dashboard', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      return;
    }
    render(await response.json());
  }

  load();
  setInterval(load, 60000);
})();
