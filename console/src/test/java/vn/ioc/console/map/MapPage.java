package vn.ioc.console.map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on the operator map, the way an operator does it. */
final class MapPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    MapPage(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Types into the search box and waits for a result naming {@code expected}; returns the results list. */
    WebElement search(String query, String expected) {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !!(document.body.dataset.devices && document.body.dataset.wards && document.body.dataset.incidents);")));
        WebElement box = browser.findElement(By.id("map-search"));
        box.clear();
        box.sendKeys(query);
        return wait.until(d -> {
            WebElement results = d.findElement(By.id("search-results"));
            return results.isDisplayed() && results.getText().contains(expected) ? results : null;
        });
    }

    /** Searches and takes the first result with the keyboard. */
    void searchAndChoose(String query, String expected) {
        search(query, expected);
        browser.findElement(By.id("map-search")).sendKeys(Keys.ENTER);
    }

    /** Searches and clicks the result whose name is exactly {@code name}. */
    void searchAndClick(String query, String name) {
        search(query, name);
        browser.findElements(By.cssSelector("#search-results li.search-result")).stream()
                .filter(li -> li.findElement(By.className("search-name")).getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no search result named " + name))
                .click();
    }

    /** Opens a site's popup through the search box (at a city's scale its marker may sit in a cluster). */
    WebElement openSite(String site) {
        searchAndChoose(site, site);
        wait.until(ExpectedConditions.presenceOfElementLocated(deviceMarker(site)));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".site-popup")));
    }

    /** Chooses the incident in the open list, which brings its marker out of any cluster and opens its popup. */
    WebElement openIncident(String id) {
        // the list redraws an entry when its incident is updated: find it again if it went stale
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(listItem(id)).click();
            return true;
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(incidentMarker(id)));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".incident-popup")));
    }

    static By deviceMarker(String site) {
        return By.cssSelector(".device-marker[data-site='" + site + "']");
    }

    static By incidentMarker(String id) {
        return By.cssSelector(".incident-marker[data-incident-id='" + id + "']");
    }

    static By listItem(String id) {
        return By.cssSelector("#incident-list li[data-incident-id='" + id + "']");
    }
}
