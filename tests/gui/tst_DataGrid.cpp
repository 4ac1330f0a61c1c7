// The data view as a person uses it: sort by clicking a header (ascending, descending, none),
// filter in the boxes under the headers, edit cells and write or revert the changes (SQLite's
// refusals marked on the cell, nothing written), add and delete rows, copy a range as
// tab-separated text and paste it back, go to a row, and keep the place when the table is
// read again.
#include "DataGridController.h"
#include "DatabaseSession.h"
#include "FilterHeader.h"
#include "MainWindow.h"
#include "TableActionsController.h"
#include "TableDataModel.h"
#include "TempDatabase.h"
#include "util/AppIdentity.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

class TestDataGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void headersSortAscendingDescendingThenNot();
    void filterBoxesNarrowTheRows();
    void editsWriteInOneTransactionOrRevert();
    void aRefusedChangeWritesNothingAndSaysWhere();
    void rowsAreAddedAndDeleted();
    void aRangeCopiesAsTabSeparatedTextAndPastesBack();
    void thePlaceIsKeptWhenTheTableIsReadAgain();

private:
    // A window on a fresh database with `people` (2,000 rows, an index on age) shown.
    void open(MainWindow &window, TempDatabase &temp);
    static QTableView *view(MainWindow &window);
    static QString cell(MainWindow &window, int row, int column);
    static void waitForRows(MainWindow &window);
    // What the status bar says of the table shown ("people · rows 1–27 of 2,000 · …").
    static QString tableStatus(MainWindow &window);
    QTemporaryDir m_home;
};

void TestDataGrid::initTestCase()
{
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    AppIdentity::apply();
}

void TestDataGrid::open(MainWindow &window, TempDatabase &temp)
{
    temp.exec(QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                             "email TEXT UNIQUE, age INTEGER CHECK (age >= 0), score REAL)"));
    temp.exec(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
        "INSERT INTO people (name, email, age, score) SELECT 'person ' || i, 'p' || i || "
        "'@example.com', CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 7) % 90 END, i * 0.5 FROM n"));
    temp.exec(QStringLiteral("CREATE INDEX people_age ON people (age)"));
    window.resize(1000, 700);
    window.show();
    window.session()->open(temp.path());
    QTRY_COMPARE(window.tableActions()->currentTable(), QStringLiteral("people"));
    waitForRows(window);
}

QTableView *TestDataGrid::view(MainWindow &window)
{
    return window.findChild<QTableView *>(QStringLiteral("dataView"));
}

QString TestDataGrid::cell(MainWindow &window, int row, int column)
{
    TableDataModel *model = window.dataModel();
    const QModelIndex index = model->index(row, column);
    model->data(index); // asks for its page
    if (!QTest::qWaitFor([&] { return model->isPageLoaded(row) || model->isAddedRow(row); }))
        return QStringLiteral("(row %1 not loaded)").arg(row);
    return model->data(index).toString();
}

void TestDataGrid::waitForRows(MainWindow &window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.dataModel()->isScanning(), 10000);
    QTRY_VERIFY(window.dataModel()->rowCount() == 0 || window.dataModel()->isPageLoaded(0) ||
                (window.dataModel()->data(window.dataModel()->index(0, 0)), false));
}

QString TestDataGrid::tableStatus(MainWindow &window)
{
    for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("people ·")))
            return label->text();
    }
    return {};
}

void TestDataGrid::headersSortAscendingDescendingThenNot()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    FilterHeader *header = window.grid()->filterHeader();
    const int age = 3;
    // A click on the header sorts ascending (NULLs first, as SQLite orders them), the next
    // descending, the third puts the table's own order back.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(age) + 20, 8));
    waitForRows(window);
    QCOMPARE(window.dataModel()->query().sortColumn, age);
    QCOMPARE(header->sortIndicatorSection(), age);
    QCOMPARE(cell(window, 0, age), QStringLiteral("NULL"));
    QCOMPARE(cell(window, 200, age), // after the 200 NULLs
             temp.scalar(QStringLiteral("SELECT min(age) FROM people")).toString());
    QCOMPARE(cell(window, 1999, age), QStringLiteral("89"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(age) + 20, 8));
    waitForRows(window);
    QVERIFY(window.dataModel()->query().descending);
    QCOMPARE(cell(window, 0, age), QStringLiteral("89"));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(age) + 20, 8));
    waitForRows(window);
    QCOMPARE(window.dataModel()->query().sortColumn, -1);
    QCOMPARE(cell(window, 0, 1), QStringLiteral("person 1"));
    // A text column sorts too (no index: SQLite sorts them first).
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(1) + 20, 8));
    waitForRows(window);
    QCOMPARE(cell(window, 0, 1), QStringLiteral("person 1"));
    QCOMPARE(cell(window, 1, 1), QStringLiteral("person 10"));
}

void TestDataGrid::filterBoxesNarrowTheRows()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    FilterHeader *header = window.grid()->filterHeader();
    QCOMPARE(header->editor(1)->placeholderText(), QStringLiteral("Filter"));
    // Typed as a person types: the rows follow once the typing pauses.
    QTest::keyClicks(header->editor(3), QStringLiteral("> 80"));
    QTRY_COMPARE(window.dataModel()->query().filters.value(3), QStringLiteral("> 80"));
    waitForRows(window);
    const int above80 =
        temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE age > 80")).toInt();
    QCOMPARE(window.dataModel()->rowCount(), above80);
    QTest::keyClicks(header->editor(1), QStringLiteral("person 1"));
    QTRY_COMPARE(window.dataModel()->query().filters.size(), 2);
    waitForRows(window);
    QCOMPARE(window.dataModel()->rowCount(),
             temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE age > 80 AND name "
                                        "LIKE '%person 1%'"))
                 .toInt());
    // Keys typed in a filter box are the box's: Del and Ctrl+Shift+N change no row.
    view(window)->selectRow(0);
    header->editor(1)->setFocus();
    QTest::keyClick(header->editor(1), Qt::Key_Home);
    QTest::keyClick(header->editor(1), Qt::Key_Delete);
    QTest::keySequence(header->editor(1), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    QCOMPARE(header->editor(1)->text(), QStringLiteral("erson 1"));
    QCOMPARE(window.dataModel()->pendingChanges(), 0);
    header->editor(1)->setText(QStringLiteral("person 1"));
    QTRY_VERIFY2(tableStatus(window).endsWith(QStringLiteral(" · filtered")),
                 qPrintable(tableStatus(window)));
    if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR"))
        window.grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                           QStringLiteral("/filter-row.png"));
    // NULL finds the missing ages; clearing the boxes shows every row again.
    header->editor(1)->clear();
    header->editor(3)->setText(QStringLiteral("NULL"));
    Q_EMIT header->editor(3)->returnPressed();
    QTRY_COMPARE(window.dataModel()->query().filters.size(), 1);
    waitForRows(window);
    QCOMPARE(window.dataModel()->rowCount(), 200);
    header->editor(3)->clear();
    Q_EMIT header->editor(3)->returnPressed();
    QTRY_VERIFY(window.dataModel()->query().filters.isEmpty());
    waitForRows(window);
    QCOMPARE(window.dataModel()->rowCount(), 2000);
}

void TestDataGrid::editsWriteInOneTransactionOrRevert()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    QTableView *grid = view(window);
    TableDataModel *model = window.dataModel();
    // Typing into a cell: F2, the text, Enter, as with the keyboard alone.
    grid->setFocus();
    grid->setCurrentIndex(model->index(0, 1));
    QTest::keyClick(grid, Qt::Key_F2);
    QLineEdit *editor = grid->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Ada Lovelace"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model->pendingChanges(), 1);
    QCOMPARE(cell(window, 0, 1), QStringLiteral("Ada Lovelace"));
    // A number typed into an INTEGER column is stored as a number.
    QVERIFY(model->setData(model->index(1, 3), QStringLiteral("42")));
    QCOMPARE(model->data(model->index(1, 3), TableDataModel::RawValueRole).typeId(),
             int(QMetaType::LongLong));
    QVERIFY(model->setData(model->index(2, 4), QVariant())); // Set to NULL
    QCOMPARE(model->pendingChanges(), 3);
    // Nothing is in the file yet.
    QCOMPARE(temp.scalar(QStringLiteral("SELECT name FROM people WHERE id = 1")).toString(),
             QStringLiteral("person 1"));
    QTRY_VERIFY2(tableStatus(window).endsWith(QStringLiteral(" · 3 changes not written")),
                 qPrintable(tableStatus(window)));
    if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR"))
        window.grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                           QStringLiteral("/edited-grid.png"));

    // Revert drops them all.
    window.grid()->revertAction()->trigger();
    QCOMPARE(model->pendingChanges(), 0);
    QCOMPARE(cell(window, 0, 1), QStringLiteral("person 1"));

    // Write (Ctrl+S) stores them in one transaction, and the rows are read again.
    QVERIFY(model->setData(model->index(0, 1), QStringLiteral("Ada Lovelace")));
    QVERIFY(model->setData(model->index(1, 3), QStringLiteral("42")));
    QVERIFY(model->setData(model->index(2, 4), QVariant()));
    QSignalSpy written(model, &TableDataModel::changesWritten);
    QTest::keySequence(&window, QKeySequence::Save);
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT name FROM people WHERE id = 1")).toString(),
             QStringLiteral("Ada Lovelace"));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT typeof(age) || age FROM people WHERE id = 2"))
                 .toString(),
             QStringLiteral("integer42"));
    QVERIFY(temp.scalar(QStringLiteral("SELECT score FROM people WHERE id = 3")).isNull());
    QCOMPARE(model->pendingChanges(), 0);
    waitForRows(window);
    QCOMPARE(cell(window, 0, 1), QStringLiteral("Ada Lovelace"));
}

void TestDataGrid::aRefusedChangeWritesNothingAndSaysWhere()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    TableDataModel *model = window.dataModel();
    // A good change and one SQLite refuses (an e-mail another row has): neither is written,
    // the refused cell is marked and says why, the good change waits with it.
    QVERIFY(model->setData(model->index(0, 1), QStringLiteral("kept for later")));
    QVERIFY(model->setData(model->index(5, 2), QStringLiteral("p1@example.com")));
    QSignalSpy failed(model, &TableDataModel::writeFailed);
    window.grid()->writeAction()->trigger();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("UNIQUE")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(failed.first().at(1).value<QModelIndex>(), model->index(5, 2));
    QCOMPARE(temp.scalar(QStringLiteral("SELECT name FROM people WHERE id = 1")).toString(),
             QStringLiteral("person 1"));
    QCOMPARE(model->pendingChanges(), 2);
    QVERIFY(model->data(model->index(5, 2), Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("UNIQUE constraint failed: people.email")));
    QVERIFY(window.statusBar()->currentMessage().startsWith(
        QLatin1String("Nothing was written: UNIQUE")));
    QCOMPARE(view(window)->currentIndex(), model->index(5, 2));
    // A CHECK refused the same way.
    QVERIFY(model->setData(model->index(5, 2), QStringLiteral("new@example.com")));
    QVERIFY(model->setData(model->index(6, 3), QStringLiteral("-1")));
    window.grid()->writeAction()->trigger();
    QTRY_COMPARE(failed.count(), 2);
    QVERIFY(failed.last().first().toString().contains(QLatin1String("CHECK")));
    QVERIFY(model->setData(model->index(6, 3), QStringLiteral("7")));
    QSignalSpy written(model, &TableDataModel::changesWritten);
    window.grid()->writeAction()->trigger();
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE name = 'kept for "
                                        "later' OR email = 'new@example.com' OR (id = 7 AND age "
                                        "= 7)"))
                 .toInt(),
             3);
}

void TestDataGrid::rowsAreAddedAndDeleted()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    TableDataModel *model = window.dataModel();
    QTableView *grid = view(window);
    grid->selectRow(3);
    window.grid()->deleteRowsAction()->trigger();
    QCOMPARE(model->pendingChanges(), 1);
    QVERIFY(model->data(model->index(3, 1), Qt::FontRole).value<QFont>().strikeOut());
    window.grid()->addRowAction()->trigger();
    QCOMPARE(model->rowCount(), 2001);
    QCOMPARE(model->headerData(2000, Qt::Vertical).toString(), QStringLiteral("+"));
    QVERIFY(model->setData(model->index(2000, 1), QStringLiteral("newcomer")));
    QVERIFY(model->setData(model->index(2000, 3), QStringLiteral("30")));
    QSignalSpy written(model, &TableDataModel::changesWritten);
    window.grid()->writeAction()->trigger();
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT count(*) FROM people")).toInt(), 2000);
    QVERIFY(temp.scalar(QStringLiteral("SELECT count(*) FROM people WHERE id = 4")).toInt() == 0);
    QCOMPARE(temp.scalar(QStringLiteral("SELECT age FROM people WHERE name = 'newcomer'")).toInt(),
             30);
    waitForRows(window);
    QCOMPARE(model->rowCount(), 2000);
    // An added row that breaks NOT NULL is refused, marked, and nothing is written.
    window.grid()->addRowAction()->trigger();
    QSignalSpy failed(model, &TableDataModel::writeFailed);
    window.grid()->writeAction()->trigger();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("NOT NULL")));
    QVERIFY(model->data(model->index(2000, 0), Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("NOT NULL")));
    window.grid()->revertAction()->trigger();
    QCOMPARE(model->rowCount(), 2000);
}

void TestDataGrid::aRangeCopiesAsTabSeparatedTextAndPastesBack()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    TableDataModel *model = window.dataModel();
    QTableView *grid = view(window);
    QVERIFY(model->setData(model->index(1, 1), QStringLiteral("tab\there, \"quoted\"")));
    // Rows 0-2, columns name..age, one of them NULL (row 9's age), with headers.
    grid->selectionModel()->select(QItemSelection(model->index(0, 1), model->index(2, 3)),
                                   QItemSelectionModel::ClearAndSelect);
    window.grid()->copyWithHeadersAction()->trigger();
    QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("name\temail\tage\n"
                            "person 1\tp1@example.com\t7\n"
                            "\"tab\there, \"\"quoted\"\"\"\tp2@example.com\t14\n"
                            "person 3\tp3@example.com\t21\n"));
    // A range past the loaded pages (rows 1,990-1,999) is read for the copy.
    QApplication::clipboard()->clear();
    grid->selectionModel()->select(QItemSelection(model->index(1989, 3), model->index(1999, 3)),
                                   QItemSelectionModel::ClearAndSelect);
    grid->setFocus();
    QTest::keySequence(grid, QKeySequence::Copy);
    QTRY_VERIFY(!QApplication::clipboard()->text().isEmpty());
    QCOMPARE(QApplication::clipboard()->text(),
             temp.scalar(QStringLiteral("SELECT group_concat(coalesce(age, ''), char(10)) || "
                                        "char(10) FROM (SELECT age FROM people WHERE id BETWEEN "
                                        "1990 AND 2000 ORDER BY id)"))
                 .toString());
    // Pasted into the grid: the cells change (not yet written), from the current cell on.
    QApplication::clipboard()->setText(
        QStringLiteral("Grace\tg@example.com\nAlan\ta@example.com\n"));
    grid->setCurrentIndex(model->index(10, 1));
    window.grid()->pasteAction()->trigger();
    QCOMPARE(cell(window, 10, 1), QStringLiteral("Grace"));
    QCOMPARE(cell(window, 11, 2), QStringLiteral("a@example.com"));
    QCOMPARE(model->pendingChanges(), 5);
    // Go to Row scrolls there.
    window.grid()->goToRow(1499);
    QTRY_COMPARE(grid->rowAt(0), 1499);
    QVERIFY2(window.grid()->positionText().startsWith(QStringLiteral("rows 1,500–")),
             qPrintable(window.grid()->positionText()));
}

void TestDataGrid::thePlaceIsKeptWhenTheTableIsReadAgain()
{
    TempDatabase temp;
    MainWindow window;
    open(window, temp);
    QTableView *grid = view(window);
    window.grid()->goToRow(1200);
    QTRY_COMPARE(grid->rowAt(0), 1200);
    // Another program adds rows; the window reads the table again (F5).
    temp.exec(QStringLiteral("INSERT INTO people (name) VALUES ('late')"));
    window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    QTRY_COMPARE(window.dataModel()->rowCount(), 2001);
    QTRY_COMPARE(grid->rowAt(0), 1200);
    // The Query tab, for the screenshots.
    if (!qEnvironmentVariableIsEmpty("ROWFORGE_SCREENSHOT_DIR")) {
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        if (tabs)
            tabs->setCurrentIndex(1);
        window.grab().save(qEnvironmentVariable("ROWFORGE_SCREENSHOT_DIR") +
                           QStringLiteral("/query-tab-with-grid.png"));
    }
}

QTEST_MAIN(TestDataGrid)
#include "tst_DataGrid.moc"
