/** The console page's entry: page styles, then the elements. */
import './styles/page.css'
import './define'
