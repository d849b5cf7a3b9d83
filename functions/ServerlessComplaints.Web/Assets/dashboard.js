// The staff dashboard's charts: each .chart[data-chart] is drawn with ECharts from the figure's table (data-table), so
// the chart and the table that screen readers and tests read always show the same numbers. No inline script or style
// (the page's CSP): the data comes from the tables' data-value attributes; tooltips are drawn on the canvas.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }

  var charts = [];
  var font = 'system-ui, "Noto Sans CJK SC", sans-serif';

  function read(table) {
    var measures = Array.prototype.map.call(table.querySelectorAll('thead th[data-measure]'), function (th, index) {
      return { index: index, name: th.textContent.trim(), unit: th.getAttribute('data-unit'), charted: th.getAttribute('data-charted') === 'yes' };
    });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var cells = tr.querySelectorAll('td');
      return {
        label: tr.querySelector('th').textContent.trim(),
        values: measures.map(function (m) {
          var v = cells[m.index] && cells[m.index].getAttribute('data-value');
          return v === null || v === undefined || v === '' ? null : Number(v);
        })
      };
    });
    return { measures: measures.filter(function (m) { return m.charted; }), rows: rows };
  }

  function option(kind, data, width) {
    var labels = data.rows.map(function (r) { return r.label; });
    var narrow = width < 520;
    var base = { animation: false, textStyle: { fontFamily: font }, tooltip: { renderMode: 'richText', trigger: kind === 'pie' ? 'item' : 'axis' } };
    if (kind === 'pie') {
      var m = data.measures[0];
      base.legend = { type: 'scroll', bottom: 0 };
      base.series = [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { show: !narrow }, data: data.rows.map(function (r) { return { name: r.label, value: r.values[m.index] }; }) }];
      return base;
    }

    var units = [];
    data.measures.forEach(function (m) { if (units.indexOf(m.unit) < 0) { units.push(m.unit); } });
    var valueAxes = units.map(function (unit) {
      return { type: 'value', max: unit === 'percent' ? 100 : null, minInterval: unit === 'count' ? 1 : null, axisLabel: { formatter: unit === 'percent' ? '{value}%' : '{value}' } };
    });
    // Every category named: across the bottom turned when crowded, down the side truncated to fit.
    var crowded = kind !== 'hbar' && width / Math.max(labels.length, 1) < 80;
    var categoryAxis = {
      type: 'category', data: labels, inverse: kind === 'hbar',
      axisLabel: { interval: kind === 'stacked' && labels.length > 8 ? 'auto' : 0, rotate: crowded && kind !== 'stacked' ? 40 : 0, width: narrow ? 110 : 180, overflow: 'truncate' }
    };
    base.grid = { left: 8, right: 16, top: data.measures.length > 1 ? 36 : 12, bottom: 8, containLabel: true };
    if (data.measures.length > 1) {
      base.legend = { top: 0 };
    }

    base.xAxis = kind === 'hbar' ? valueAxes : categoryAxis;
    base.yAxis = kind === 'hbar' ? categoryAxis : valueAxes;
    base.series = data.measures.map(function (m) {
      var series = { type: 'bar', name: m.name, data: data.rows.map(function (r) { return r.values[m.index]; }), barMaxWidth: 36 };
      series[kind === 'hbar' ? 'xAxisIndex' : 'yAxisIndex'] = units.indexOf(m.unit);
      if (kind === 'stacked') {
        series.stack = 'received';
      }
      return series;
    });
    return base;
  }

  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), function (element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var kind = element.getAttribute('data-chart');
    var data = read(table);
    if (kind === 'hbar') {
      // A bar of 22 px per row: long lists (SLA by clock and department) stay readable.
      element.style.height = Math.max(288, data.rows.length * 22 + 60) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option(kind, data, element.clientWidth));
    element.setAttribute('data-drawn', 'yes');
    charts.push(chart);
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
