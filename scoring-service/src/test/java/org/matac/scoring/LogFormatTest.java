package org.matac.scoring;

import org.matac.testing.LogFormatContract;

class LogFormatTest extends LogFormatContract {}
