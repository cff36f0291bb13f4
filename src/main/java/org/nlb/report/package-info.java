/** What a person looks at: image grids, charts and the HTML report. */
package org.nlb.report;
