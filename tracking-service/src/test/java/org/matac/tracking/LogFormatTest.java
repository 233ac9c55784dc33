package org.matac.tracking;

import org.matac.testing.LogFormatContract;

class LogFormatTest extends LogFormatContract {}
